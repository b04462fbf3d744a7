// The account feature's public face: the banner asking to verify the address.
// Its page (settings, the data export and deletion) is in pages.ts.
export { VerifyEmailBanner } from './components/VerifyEmailBanner';
