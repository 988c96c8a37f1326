// The app store: its slices combined into one zustand store, wired to the backend contract.
import { create } from 'zustand';
import { api } from '../api';
import { appStateCreator } from './app-store';
import type { AppState } from './types';

export const useAppStore = create<AppState>()(appStateCreator(api));

export { createAppStore } from './app-store';
export type { AppState } from './types';
