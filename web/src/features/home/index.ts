// The home feature's public face.
export { HomePage } from './pages/HomePage';
