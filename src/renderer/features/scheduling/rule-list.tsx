// A list of an offer's rules a coordinator adds to and removes from (opening-hours rules, the
// rota's weekly lines, its exceptions): a hint when there is none, one numbered item each with
// its remove button, and the add button after them. Each list places the remove button itself.
import type { ReactNode } from 'react';
import { ReasonedButton } from '../../ui/disabled-reason';

interface Props<T> {
  items: T[];
  /** The item's React key: its id when it has one, else its place. */
  keyOf(item: T, index: number): string | number;
  empty: string;
  addLabel: string;
  removeLabel(index: number): string;
  newItem(): T;
  onChange(items: T[]): void;
  children(item: T, index: number, removeButton: ReactNode): ReactNode;
}

export function RuleList<T>({ items, keyOf, empty, addLabel, removeLabel, newItem, onChange, children }: Props<T>) {
  return (
    <>
      {items.length === 0 && <p className="hint">{empty}</p>}
      <ol className="offer-rules">
        {items.map((item, index) => (
          <li key={keyOf(item, index)} className="offer-rule">
            {children(
              item,
              index,
              <ReasonedButton
                reason={null}
                className="secondary"
                onClick={() => onChange(items.filter((_, i) => i !== index))}
              >
                {removeLabel(index)}
              </ReasonedButton>,
            )}
          </li>
        ))}
      </ol>
      <ReasonedButton reason={null} className="secondary" onClick={() => onChange([...items, newItem()])}>
        {addLabel}
      </ReasonedButton>
    </>
  );
}
