// The favorites feature's public face: the heart that other features put on
// their products, and the vendor's counts of who saved theirs. Its page (the
// list of favorites) is in pages.ts.
export { useFavoriteCounts } from './api/get-favorite-counts';
export { FavoriteButton } from './components/FavoriteButton';
