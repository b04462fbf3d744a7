// The account feature's public face: settings, the data export and deletion.
export { AccountPage } from './pages/AccountPage';
export { VerifyEmailBanner } from './components/VerifyEmailBanner';
