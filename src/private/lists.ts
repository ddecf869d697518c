import { Fn } from './core';

/*
 * Lists that may hold list tokens: `Token.asList(param.valueAsList)` or `Fn.split(...)` is an array
 * of one element that stands for the whole list, known only at deploy time. CloudFormation cannot
 * put such a list inside a literal list, so a list with one is joined and split again at deploy time.
 */

/** Whether a string is the element of a list token (which `Token.isUnresolved` does not recognise). */
export function isListTokenElement(value: unknown): boolean {
  return typeof value === 'string' && value.includes('#{Token[');
}

/** `items` as CloudFormation takes them: as they are, or Fn::Split(",", Fn::Join(",", [...])) when one is a list token. */
export function withListTokens(items: string[]): string[] {
  if (!items.some(isListTokenElement)) {
    return items;
  }
  return Fn.split(',', Fn.join(',', items.map((i) => (isListTokenElement(i) ? Fn.join(',', [i]) : i))));
}

/**
 * `render` applied to each item. When an item is a list token, the items are rendered at deploy
 * time: the list is joined with the text that closes one rendered item and opens the next, then split
 * again (render must place the item once, in the middle of the text).
 */
export function eachInList(items: string[], render: (item: string) => string): string[] {
  if (!items.some(isListTokenElement)) {
    return items.map(render);
  }
  const marker = '\u0001ITEM\u0001';
  const [before, after] = render(marker).split(marker);
  return Fn.split('|', Fn.join('', [before, Fn.join(`${after}|${before}`, withListTokens(items)), after]));
}
