// At the end of a cabin session, after the call: the prescription(s) the doctor signed for this
// session's act, for the pharmacist to print for the patient. One written after the call shows
// here as soon as it reaches the station (the acts' list reads the act again when it changes).
// The list itself is the acts feature's, through its slot; the words around it are the cabin's.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSlots } from '../../ui/slots';

/** onShown: told how many are shown, so that the end screen waits again when one arrives. */
export function CabinPrescriptions({
  encounterId,
  onShown,
}: {
  encounterId: string;
  onShown: (count: number) => void;
}) {
  const { CabinPrescriptions: List } = useSlots();
  const { t } = useTranslation();
  const [count, setCount] = useState(0);
  const shown = (n: number) => {
    setCount(n);
    onShown(n);
  };
  return (
    <section className="kiosk-prescriptions" aria-labelledby="kiosk-prescriptions-title">
      <h3 id="kiosk-prescriptions-title">{t('kiosk.done.prescriptionTitle')}</h3>
      {count > 0 && <p>{t('kiosk.done.prescriptionPrint')}</p>}
      <List encounterId={encounterId} empty={<p>{t('kiosk.done.noPrescription')}</p>} onShown={shown} />
    </section>
  );
}
