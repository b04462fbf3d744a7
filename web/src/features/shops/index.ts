// The shops feature's public face: other features and the app import only these.
export { useMyShop } from './api/get-my-shop';
export { useShops } from './api/get-shops';
export { useSaveShop } from './api/save-shop';
export { ShopCard } from './components/ShopCard';
export { ShopHero } from './components/ShopHero';
export { ShopPage } from './pages/ShopPage';
export { ShopsPage } from './pages/ShopsPage';
