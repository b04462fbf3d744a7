// The favorites feature's page, which the app loads when first shown
// (app/App.tsx's lazyPage): apart from index.ts, whose heart the product
// cards show at once.
export { FavoritesPage } from './pages/FavoritesPage';
