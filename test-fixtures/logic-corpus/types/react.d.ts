// Minimal ambient stubs so the fixture type-checks without installing react.
declare module 'react' {
  export type ReactNode = string | number | boolean | null | undefined | JSX.Element | ReactNode[];
  export type Key = string | number;
  export type SetStateAction<S> = S | ((prev: S) => S);
  export type Dispatch<A> = (value: A) => void;
  export interface FC<P = {}> {
    (props: P & { children?: ReactNode }): JSX.Element | null;
    displayName?: string;
  }
  export type PropsWithChildren<P = {}> = P & { children?: ReactNode };
  export interface SyntheticEvent<T = Element> {
    target: T;
    currentTarget: T;
    preventDefault(): void;
    stopPropagation(): void;
  }
  export type ChangeEvent<T = Element> = SyntheticEvent<T>;
  export type FormEvent<T = Element> = SyntheticEvent<T>;
  export type MouseEvent<T = Element> = SyntheticEvent<T> & { clientX: number; clientY: number };
  export type KeyboardEvent<T = Element> = SyntheticEvent<T> & { key: string };
  export interface MutableRefObject<T> { current: T }
  export interface RefObject<T> { readonly current: T | null }

  export function useState<S>(initial: S | (() => S)): [S, Dispatch<SetStateAction<S>>];
  export function useState<S = undefined>(): [S | undefined, Dispatch<SetStateAction<S | undefined>>];
  export function useMemo<T>(factory: () => T, deps: readonly unknown[]): T;
  export function useCallback<T extends (...args: never[]) => unknown>(fn: T, deps: readonly unknown[]): T;
  export function useEffect(effect: () => void | (() => void), deps?: readonly unknown[]): void;
  export function useRef<T>(initial: T): MutableRefObject<T>;
  export function useRef<T>(initial: T | null): RefObject<T>;
  export function useId(): string;

  export class Component<P = {}, S = {}> {
    constructor(props: P);
    readonly props: Readonly<P> & { children?: ReactNode };
    state: Readonly<S>;
    setState(state: Partial<S> | ((prev: Readonly<S>, props: Readonly<P>) => Partial<S>)): void;
    render(): ReactNode;
  }
  export const Fragment: unique symbol;
}

declare module 'react/jsx-runtime' {
  export function jsx(type: unknown, props: unknown, key?: unknown): JSX.Element;
  export function jsxs(type: unknown, props: unknown, key?: unknown): JSX.Element;
  export const Fragment: unique symbol;
}

declare namespace JSX {
  interface Element {
    readonly type: unknown;
    readonly props: unknown;
  }
  interface ElementClass {
    render(): unknown;
  }
  interface ElementAttributesProperty {
    props: {};
  }
  interface ElementChildrenAttribute {
    children: {};
  }
  interface IntrinsicAttributes {
    key?: string | number;
  }
  interface IntrinsicElements {
    [elementName: string]: any;
  }
}
