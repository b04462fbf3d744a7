// The reviews feature's public face: other features and the app import only these.
export { Reviews } from './components/Reviews';
