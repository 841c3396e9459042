// One study whose patient differs from the record's: the record's traits beside the study's, the
// differing rows marked in words as well as in colour, and a confirmation for this study alone,
// naming who compared them. Used for each ticked study of a drive, and for a PACS retrieval.
import { useId } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DemographicDifference } from '../../../shared/imaging/dicom-patient-match';
import type { Patient } from '../../../shared/patients/patient';
import { displayDate, nameParts } from '../../ui/imaging/dicom-display';
import { AuthorLine } from '../../ui/author-line';
import { needAuthor } from '../../ui/author-store';
import { ReasonedButton } from '../../ui/disabled-reason';

export interface StudyPatient {
  name: string | null;
  id: string | null;
  birthDate: string | null;
  sex: string | null;
}

interface Row {
  key: 'familyName' | 'firstNames' | 'birthDate' | 'sex' | 'id';
  record: string;
  study: string;
  differs: boolean;
  absent: boolean;
}

function rows(
  record: Patient,
  study: StudyPatient,
  differences: DemographicDifference[],
  t: TFunction,
  language: string,
): Row[] {
  const { family, given } = nameParts(study.name);
  const sex = (code: string | null) =>
    code ? t(`imagingSafety.import.sexes.${code.trim().toUpperCase()}`, { defaultValue: code }) : '';
  const used = (name: string | null, of: string) => (name && name !== of ? ` (${name})` : '');
  const nameMissing = differences.includes('name_missing');
  const birthDate = displayDate(study.birthDate, language);
  return [
    {
      key: 'familyName',
      record: `${record.birthName}${used(record.usedName, record.birthName)}`,
      study: family,
      differs: differences.includes('family_name') || nameMissing,
      absent: !family,
    },
    {
      key: 'firstNames',
      record: `${record.birthFirstNames || record.firstName}${used(record.usedFirstName, record.firstName)}`,
      study: given,
      differs: differences.includes('first_name') || nameMissing,
      absent: !given,
    },
    {
      key: 'birthDate',
      record: displayDate(record.birthDate, language),
      study: birthDate,
      differs: differences.includes('birth_date'),
      absent: !birthDate,
    },
    {
      key: 'sex',
      record: sex(record.sex),
      study: sex(study.sex),
      differs: differences.includes('sex'),
      absent: !study.sex,
    },
    {
      key: 'id',
      record: record.ins
        ? t('imagingSafety.import.recordId', { ins: record.ins.matricule })
        : t('imagingSafety.import.noRecordId'),
      study: study.id ?? '',
      differs: false,
      absent: !study.id,
    },
  ];
}

export function StudyIdentityCheck(props: {
  record: Patient;
  study: StudyPatient;
  differences: DemographicDifference[];
  confirmedBy: string | null;
  busy?: boolean;
  onConfirm(by: string): void;
  onUndo(): void;
}) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const { record, study, differences, confirmedBy } = props;
  return (
    <div className="card identity-check" role="group" aria-labelledby={titleId}>
      <p id={titleId}>
        <strong>{t('imagingSafety.import.compareTitle')}</strong>
      </p>
      <table className="diff identity-compare">
        <caption className="visually-hidden">{t('imagingSafety.import.compareCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('imagingSafety.import.trait')}</th>
            <th scope="col">{t('imagingSafety.import.record')}</th>
            <th scope="col">{t('imagingSafety.import.study')}</th>
          </tr>
        </thead>
        <tbody>
          {rows(record, study, differences, t, i18n.language).map((row) => (
            <tr key={row.key} className={row.differs ? 'differs' : undefined}>
              <th scope="row">{t(`imagingSafety.import.traits.${row.key}`)}</th>
              <td>{row.record}</td>
              <td>
                {row.absent ? <em>{t('imagingSafety.import.notGiven')}</em> : row.study}
                {row.differs && <strong className="differs-mark"> — {t('imagingSafety.import.differsMark')}</strong>}
                {row.absent && !row.differs && row.key !== 'id' && (
                  <span className="hint"> — {t('imagingSafety.import.unverifiableMark')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('imagingSafety.import.idHint')}</p>
      {confirmedBy ? (
        <div className="actions start">
          <p className="ok-text" role="status">
            {t('imagingSafety.import.confirmed', { by: confirmedBy })}
          </p>
          <button type="button" onClick={props.onUndo}>
            {t('imagingSafety.import.undo')}
          </button>
        </div>
      ) : (
        <form
          noValidate
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            // Who checked the traits: the session's author, asked once ("Qui êtes-vous ?").
            void needAuthor().then((author) => author && props.onConfirm(author.name));
          }}
        >
          <AuthorLine />
          <ReasonedButton type="submit" className="warning" reason={props.busy ? t('imagingSafety.import.busy') : null}>
            {t('imagingSafety.import.confirm')}
          </ReasonedButton>
        </form>
      )}
    </div>
  );
}
