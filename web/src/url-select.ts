/**
 * A labelled <select> whose value lives in the page's URL parameters: a change keeps the value in the
 * page's state, writes the parameter (so a reload or a shared link shows the same view), then redraws.
 */
import { labelled, select } from './element-builder.js';
import { updateParams } from './hash-route.js';

export interface UrlSelectSpec {
  readonly label: string;
  readonly id: string;
  /** The URL parameter the value is kept in. */
  readonly param: string;
  readonly options: readonly (string | readonly [value: string, label: string])[];
  readonly value: string;
  /** Keeps the chosen value in the page's state. */
  readonly set: (value: string) => void;
}

/** @example urlSelect({ label: 'Group', id: 'rrg-group', param: 'group', options: groups, value: group, set: (v) => (group = v) }, draw) */
export function urlSelect(spec: UrlSelectSpec, redraw: () => void): HTMLLabelElement {
  const onChange = (v: string) => {
    spec.set(v);
    updateParams({ [spec.param]: v });
    redraw();
  };
  return labelled(spec.label, select(spec.options, spec.value, onChange, { id: spec.id }));
}
