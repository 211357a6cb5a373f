// The app's version, written into every backup manifest. A unit test keeps it equal to package.json's.
export const APP_VERSION = '0.1.0';
