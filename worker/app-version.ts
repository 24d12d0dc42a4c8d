/** The app's version, as the package names it: sent with pushes and device reports (S26). */
export { version as appVersion } from '../package.json';
