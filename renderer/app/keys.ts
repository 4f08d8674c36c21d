// Keyboard helpers shared by the shell and screens that catch typing themselves (a scanner types
// into whatever has focus).

/** Whether typing goes into this element (a field), not to the screen's shortcuts. */
export function isEditable(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (el as HTMLElement).isContentEditable;
}
