// The uploads feature's public face: other features and the app import only these.
export { ImagePicker } from './components/ImagePicker';
export { ImageUploader, type ImageDraft } from './components/ImageUploader';
export { DropZone } from './components/DropZone';
export { uploadImage } from './api/upload-image';
