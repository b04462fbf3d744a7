// The account feature's public face: settings, the data export and deletion.
export { VerifyEmailBanner } from './components/VerifyEmailBanner';
