// The call's chat, over the data channel; every line is kept in the call journal.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sendChat } from './call-controller';
import type { ChatLine } from '../../webrtc/call-store';
import { firstReason, ReasonedButton, useDisabledReason } from '../../ui/disabled-reason';

export function ChatPanel({ lines, disabled }: { lines: ChatLine[]; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const ended = useDisabledReason(disabled ? t('why.noCall') : null);
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    sendChat(text);
    setText('');
  };
  return (
    <section className="card chat" aria-labelledby="chat-title">
      <h2 id="chat-title">{t('calls.chat.title')}</h2>
      <ol className="chat-lines" aria-live="polite">
        {lines.length === 0 && <li className="hint">{t('calls.chat.empty')}</li>}
        {lines.map((line) => (
          <li key={line.id} className={`chat-${line.direction}`}>
            <span className="chat-meta">
              {line.author} ·{' '}
              {new Date(line.at).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' })}
            </span>{' '}
            <span className="chat-text">{line.text}</span>
            {line.pending && <em> ({t('calls.chat.pending')})</em>}
          </li>
        ))}
      </ol>
      <form onSubmit={submit} noValidate>
        <label htmlFor="chat-input" className="visually-hidden">
          {t('calls.chat.placeholder')}
        </label>
        <input
          id="chat-input"
          value={text}
          maxLength={2000}
          placeholder={t('calls.chat.placeholder')}
          {...ended.control}
          onChange={(e) => setText(e.target.value)}
        />
        <ReasonedButton type="submit" reason={firstReason([!disabled && !text.trim() && t('why.writeFirst')])}>
          {t('calls.chat.send')}
        </ReasonedButton>
        {ended.note}
      </form>
    </section>
  );
}
