// A control that may be greyed says why, beside it: the reason is visible text, and the control
// names it in aria-describedby so that a screen reader reads it too. test/unit/renderer/
// disabled-reasons.test.ts finds any `disabled` in the renderer that does not go through here.
import { useId, type ButtonHTMLAttributes, type ReactNode } from 'react';
import './disabled-reason.css';

/** Why the control is greyed (null: it is not). */
export type Reason = string | null;

/** The first reason that applies, or null: `firstReason([!kind && 'Choisissez…', busy && 'Envoi…'])`. */
export function firstReason(reasons: readonly (string | false | null | undefined)[]): Reason {
  return reasons.find((r): r is string => typeof r === 'string' && r !== '') ?? null;
}

interface ReasonedButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled'> {
  /** Why it cannot be pressed now; null when it can. */
  reason: Reason;
  /** The id of a reason already shown elsewhere on the screen (a consent missing): greyed, described by it. */
  shownReasonId?: string | null;
}

/** A button greyed while `reason` is set, with the reason shown right after it. */
export function ReasonedButton({ reason, shownReasonId, children, type = 'button', ...button }: ReasonedButtonProps) {
  const id = useId();
  const describedBy = reason ? id : (shownReasonId ?? undefined);
  // One box for the button and its reason, so that they wrap together and the reason never sits
  // beside another control; always there, so that the button is not remounted when it greys.
  return (
    <span className="reasoned">
      <button {...button} type={type} disabled={describedBy !== undefined} aria-describedby={describedBy}>
        {children}
      </button>
      {reason && (
        <span id={id} className="hint why-disabled">
          {reason}
        </span>
      )}
    </span>
  );
}

/** For other controls (inputs, selects, fieldsets): their props, and the visible reason to place beside. */
export function useDisabledReason(reason: Reason): {
  control: { disabled: boolean; 'aria-describedby'?: string };
  note: ReactNode;
} {
  const id = useId();
  return {
    control: { disabled: reason !== null, 'aria-describedby': reason ? id : undefined },
    note: reason ? (
      <span id={id} className="hint why-disabled">
        {reason}
      </span>
    ) : null,
  };
}
