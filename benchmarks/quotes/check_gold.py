#!/usr/bin/env python3
"""Sanity-check the quote development set in this directory.

For every NN_<slug>.txt / NN_<slug>.gold.json pair:
  * the text is UTF-8, has a headline, a blank line, then paragraphs separated
    by single blank lines, and uses one line-ending style (LF or CRLF);
  * the gold file is {"quotes": [{"quote": str, "speaker": str|null}, ...]};
  * each gold quote is found verbatim, searching forward from the end of the
    previous quote (so the gold must be in text order);
  * each non-null speaker occurs in the text (a leading "the" may differ in case).

Also warns (does not fail) when a located quote is not directly enclosed by
quote marks / paragraph boundaries -- expected once, for the deliberate
unclosed-quote typo in 19_dunmore_road_tower.

Usage: python check_gold.py [DIR]      (exit status 1 if there are errors)

Without DIR it checks this folder and then every set under realstyle/ (dev, heldout, ..., heldout7).
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

OPEN_MARKS = set('"\'\u201c\u2018\u00ab\u00bb\u201e\u201a\u2039\u203a')
CLOSE_MARKS = set('"\'\u201d\u2019\u00bb\u00ab\u201c\u2018\u203a\u2039')
MARK_NAMES = {
    'straight "': '"', 'curly \u201c\u201d': '\u201c',
    'curly \u2018\u2019 (opening)': '\u2018', 'guillemets \u00ab\u00bb': '\u00ab',
    'German \u201e\u201c': '\u201e',
}


def speaker_in_text(speaker, text):
    if speaker in text:
        return True
    if speaker.lower().startswith('the '):
        pattern = r'(?i:the)\s+' + re.escape(speaker[4:].lstrip())
        return re.search(pattern, text) is not None
    return False


def check_format(text):
    errors = []
    has_crlf = '\r\n' in text
    if has_crlf and re.search(r'(?<!\r)\n', text):
        errors.append('mixed LF and CRLF line ends')
    body = text.replace('\r\n', '\n')
    if '\r' in body:
        errors.append('stray CR')
    lines = body.split('\n')
    if len(lines) < 3 or not lines[0].strip() or lines[1] != '':
        errors.append('expected headline, blank line, body')
    if '\n\n\n' in body:
        errors.append('more than one blank line between paragraphs')
    if any(line != line.strip() for line in lines):
        errors.append('leading/trailing whitespace on a line')
    return errors, has_crlf


def check_pair(txt_path, gold_path):
    errors, warnings = [], []
    raw = txt_path.read_bytes()
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError as e:
        return [f'not UTF-8: {e}'], [], None, None
    fmt_errors, has_crlf = check_format(text)
    errors += fmt_errors
    try:
        gold = json.loads(gold_path.read_text(encoding='utf-8'))
    except (OSError, ValueError) as e:
        return errors + [f'bad gold JSON: {e}'], warnings, None, has_crlf
    quotes = gold.get('quotes') if isinstance(gold, dict) else None
    if not isinstance(quotes, list):
        return errors + ['gold must be {"quotes": [...]}'], warnings, None, has_crlf

    pos = 0
    for i, item in enumerate(quotes, 1):
        if not isinstance(item, dict) or set(item) != {'quote', 'speaker'}:
            errors.append(f'quote {i}: needs exactly the keys quote, speaker')
            continue
        q, spk = item['quote'], item['speaker']
        if not isinstance(q, str) or not q:
            errors.append(f'quote {i}: empty or non-string quote')
            continue
        if spk is not None and (not isinstance(spk, str) or not spk.strip()):
            errors.append(f'quote {i}: speaker must be a non-empty string or null')
        at = text.find(q, pos)
        if at < 0:
            where = 'earlier in the text (out of order)' if q in text else 'anywhere'
            errors.append(f'quote {i} not found after offset {pos} ({where}): {q[:60]!r}')
            continue
        end = at + len(q)
        before = text[at - 1] if at > 0 else ''
        after = text[end] if end < len(text) else ''
        if before not in OPEN_MARKS:
            warnings.append(f'quote {i} not preceded by a quote mark: {q[:50]!r}')
        if after not in CLOSE_MARKS and after not in ('\r', '\n', ''):
            warnings.append(f'quote {i} not followed by a quote mark or paragraph end: {q[:50]!r}')
        pos = end
        if isinstance(spk, str) and spk.strip() and not speaker_in_text(spk, text):
            errors.append(f'quote {i}: speaker {spk!r} does not occur in the text')
    return errors, warnings, quotes, has_crlf


def check_dir(root):
    """Check every pair in one folder, print the report, return the number of errors."""
    txts = sorted(root.glob('*.txt'))
    golds = sorted(root.glob('*.gold.json'))
    n_err = 0
    for g in golds:
        if not g.with_name(g.name[:-len('.gold.json')] + '.txt').exists():
            print(f'ERROR {g.name}: no matching .txt')
            n_err += 1

    n_articles = n_quotes = n_null = n_empty = n_crlf = n_warn = 0
    speakers = Counter()
    marks = Counter()
    for t in txts:
        g = t.with_name(t.name[:-len('.txt')] + '.gold.json')
        if not g.exists():
            print(f'ERROR {t.name}: no matching .gold.json')
            n_err += 1
            continue
        errors, warnings, quotes, has_crlf = check_pair(t, g)
        n_articles += 1
        n_crlf += bool(has_crlf)
        for e in errors:
            print(f'ERROR {t.name}: {e}')
        for w in warnings:
            print(f'warn  {t.name}: {w}')
        n_err += len(errors)
        n_warn += len(warnings)
        text = t.read_text(encoding='utf-8')
        for name, ch in MARK_NAMES.items():
            if ch in text:
                marks[name] += 1
        if quotes is None:
            continue
        n_quotes += len(quotes)
        n_empty += not quotes
        for item in quotes:
            if isinstance(item, dict):
                if item.get('speaker') is None:
                    n_null += 1
                else:
                    speakers[item['speaker']] += 1
        print(f'ok    {t.name}: {len(quotes)} quotes' + (' (CRLF)' if has_crlf else '')
              if not errors else f'FAIL  {t.name}')

    print()
    print(f'articles: {n_articles} ({n_empty} without quotes, {n_crlf} with CRLF line ends)')
    print(f'quotes: {n_quotes} ({n_quotes - n_null} attributed, {n_null} with speaker null)')
    print(f'distinct speakers: {len(speakers)}')
    print('articles containing each mark style: '
          + ', '.join(f'{k}: {v}' for k, v in marks.items()))
    print(f'errors: {n_err}, warnings: {n_warn}')
    return n_err


def main():
    if len(sys.argv) > 1:
        return 1 if check_dir(Path(sys.argv[1])) else 0
    # No folder named: this folder (the dev set), then every real-style set under realstyle/.
    here = Path(__file__).resolve().parent
    roots = [here, *sorted(p for p in (here / 'realstyle').iterdir() if p.is_dir())]
    n_err = 0
    for i, root in enumerate(roots):
        if i:
            print()
        print(f'== {root.relative_to(here.parent)}')
        n_err += check_dir(root)
    return 1 if n_err else 0


if __name__ == '__main__':
    sys.exit(main())
