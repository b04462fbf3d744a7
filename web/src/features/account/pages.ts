// The account feature's page, which the app loads when first shown
// (app/App.tsx's lazyPage): apart from index.ts, whose banner the header
// shows at once.
export { AccountPage } from './pages/AccountPage';
