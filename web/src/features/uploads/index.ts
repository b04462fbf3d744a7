// The uploads feature's public face: other features and the app import only these.
export { ImagePicker } from './components/ImagePicker';
export { ImageUploader, type ImageDraft } from './components/ImageUploader';
