// The messages feature's pages, which the app loads when first shown
// (app/App.tsx's lazyPage): apart from index.ts, whose links the header and
// other pages show at once.
export { InboxPage } from './pages/InboxPage';
export { NewConversationPage } from './pages/NewConversationPage';
export { ThreadPage } from './pages/ThreadPage';
