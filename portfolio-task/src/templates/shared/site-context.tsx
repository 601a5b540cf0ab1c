import { createContext, useContext } from 'react';
import type { Labels } from '../i18n';
import type { ResolvedSettings } from '../settings';

export type Site = {
  settings: ResolvedSettings;
  labels: Labels;
  /** The CV owner's name, so author lists can pick it out. */
  ownerName: string | null;
  /** The owner's uploaded photo (an address the page can load), which takes the place of the CV's photo address. */
  photo: string | null;
};

export const SiteContext = createContext<Site | null>(null);

export function useSite(): Site {
  const site = useContext(SiteContext);
  if (!site) throw new Error('Section components render inside a template <Page>, which provides the site settings');
  return site;
}
