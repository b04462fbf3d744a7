// The favorites feature's public face: the heart that other features put on
// their products. Its page (the list of favorites) is in pages.ts.
export { FavoriteButton } from './components/FavoriteButton';
