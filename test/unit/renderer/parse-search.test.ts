import { describe, expect, it } from 'vitest';
import { parseSearch, toFrenchDate, toIsoDate } from '../../../src/renderer/ui/parse-search';

describe('one search box', () => {
  it.each([
    ['dupont', { name: 'dupont' }],
    ['  Dupont Marie ', { name: 'Dupont Marie' }],
    ['12/03/1950', { birthDate: '1950-03-12' }],
    ['1/3/1950', { birthDate: '1950-03-01' }],
    ['dupont 12/03/1950', { name: 'dupont', birthDate: '1950-03-12' }],
    ['2 06 12 75 111 005 64', { insMatricule: '206127511100564' }],
    ['2061275111005', { insMatricule: '2061275111005' }],
    ['185052a00608435', { insMatricule: '185052A00608435' }],
    ['', {}],
  ])('%j -> %j', (text, expected) => {
    expect(parseSearch(text)).toEqual(expected);
  });

  it('leaves a short number as a name, for the station to find nothing rather than guess', () => {
    expect(parseSearch('12345')).toEqual({ name: '12345' });
  });
});

describe('dates as a nurse types them', () => {
  it('turns JJ/MM/AAAA into the ISO date the contract takes', () => {
    expect(toIsoDate('03/12/1906')).toBe('1906-12-03');
    expect(toIsoDate('3.12.1906')).toBe('1906-12-03');
  });
  it('sends anything else as typed, so the station names the error', () => {
    expect(toIsoDate('31/02')).toBe('31/02');
    expect(toIsoDate('hier')).toBe('hier');
  });
  it('shows stored dates as JJ/MM/AAAA', () => {
    expect(toFrenchDate('1906-12-03')).toBe('03/12/1906');
  });
});
