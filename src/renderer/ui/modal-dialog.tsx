// The product's own modal dialog: showModal() makes the page behind inert and keeps the focus
// inside; Escape (the dialog's cancel) calls onCancel instead of closing it behind the app's back.
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  className?: string;
  /** The ids of the title and of the sentence that explains the dialog. */
  labelledBy: string;
  describedBy: string;
  onCancel(): void;
  children: ReactNode;
}

export function ModalDialog({ className, labelledBy, describedBy, onCancel, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
