// The catalog feature's public face: other features and the app import only these.
export { useArchiveProduct } from './api/archive-product';
export { useCategories } from './api/get-categories';
export { useMyProducts } from './api/get-my-products';
export { useProduct } from './api/get-product';
export { useProducts } from './api/get-products';
export { useSaveProduct } from './api/save-product';
export { ProductPage } from './pages/ProductPage';
export { SearchPage } from './pages/SearchPage';
