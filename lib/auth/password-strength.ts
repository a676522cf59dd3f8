// Guessability check with zxcvbn-ts and its common-passwords dictionary (NIST SP 800-63B: refuse
// common and guessable passwords). Runs on the server for the rule and in the browser, loaded
// lazily, for the strength meter, so both always agree.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export type Score = 0 | 1 | 2 | 3 | 4;
/** 3: "safely unguessable" — good protection even if the hashes ever leak. */
const MIN_PASSWORD_SCORE: Score = 3;
const SCORE_LABELS = ['Too guessable', 'Very weak', 'Weak', 'Good', 'Strong'] as const;

const HINTS: Record<string, string> = {
  topTen: 'It is one of the ten most used passwords.',
  topHundred: 'It is one of the hundred most used passwords.',
  common: 'It is a very common password.',
  similarToCommon: 'It is very close to a common password.',
  wordByItself: 'A single word is easy to guess.',
  namesByThemselves: 'A name by itself is easy to guess.',
  commonNames: 'Common names are easy to guess.',
  userInputs: 'It contains your username or email.',
  straightRow: 'Keys in a row are easy to guess.',
  keyPattern: 'Short keyboard patterns are easy to guess.',
  simpleRepeat: 'Repeated characters are easy to guess.',
  extendedRepeat: 'Repeated patterns are easy to guess.',
  sequences: 'Sequences like "abc" or "123" are easy to guess.',
  recentYears: 'Recent years are easy to guess.',
  dates: 'Dates are easy to guess.',
};

let factory: ZxcvbnFactory | undefined;

export type Strength = { score: Score; acceptable: boolean; label: string; hint: string | null };

/** `userInputs`: words the password must not lean on (username, email). */
export function passwordStrength(password: string, userInputs: string[] = []): Strength {
  factory ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
  const words = userInputs.flatMap((input) => input.toLowerCase().split(/[@._+-]+/)).filter((w) => w.length >= 3);
  const result = factory.check(password, [...userInputs, ...words]);
  const score = result.score as Score;
  const warning = result.feedback.warning;
  return {
    score,
    acceptable: score >= MIN_PASSWORD_SCORE,
    label: SCORE_LABELS[score],
    hint: warning ? (HINTS[warning] ?? 'It follows a pattern that is easy to guess.') : null,
  };
}
