/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the API answers when the SPA is served from elsewhere (CloudFront); empty = same origin. */
  readonly VITE_API_BASE_URL?: string;
}
