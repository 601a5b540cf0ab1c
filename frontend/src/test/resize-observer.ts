import { vi } from 'vitest';

/** A ResizeObserver that reports every observed element at `width` × `height` at once (jsdom lays nothing out). */
export function stubResizeObserver(width: number, height: number): void {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private readonly callback: ResizeObserverCallback) {}
      observe() {
        this.callback([{ contentRect: { width, height } } as ResizeObserverEntry], this as unknown as ResizeObserver);
      }
      disconnect() {}
    },
  );
}
