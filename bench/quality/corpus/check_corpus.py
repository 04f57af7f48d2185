#!/usr/bin/env python3
"""Consistency checks for the quality corpus (no labels involved).
Run: python3 bench/quality/corpus/check_corpus.py"""
import json, os, re, sys, collections
D = os.path.dirname(os.path.abspath(__file__))
errors = []

def jl(name):
    rows = []
    with open(os.path.join(D, name), encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except Exception as e:
                errors.append(f'{name}:{n}: invalid JSON ({e})')
    return rows

texts = {}
for fn in sorted(os.listdir(os.path.join(D, 'texts'))):
    if fn.endswith('.txt'):
        t = open(os.path.join(D, 'texts', fn), encoding='utf-8').read()
        texts[fn[:-4]] = t
        lines = t.split('\n')
        if len(lines) < 3 or lines[1] != '':
            errors.append(f'{fn}: first line must be the title, then a blank line')
        words = len(t.split('\n', 1)[1].split())
        if not 350 <= words <= 900:
            errors.append(f'{fn}: body has {words} words (want 350-900)')

sents = jl('sentences.jsonl')
ids = set()
pos = collections.defaultdict(int)
per_text = collections.Counter()
langs = collections.Counter()
for s in sents:
    if set(s) != {'id', 'text', 'lang', 'sentence'}:
        errors.append(f"sentence {s.get('id')}: unexpected keys {sorted(s)}")
    if s['id'] in ids:
        errors.append(f"duplicate sentence id {s['id']}")
    ids.add(s['id'])
    t = texts.get(s['text'])
    if t is None:
        errors.append(f"{s['id']}: unknown text {s['text']}")
        continue
    i = t.find(s['sentence'], pos[s['text']])
    if i < 0:
        errors.append(f"{s['id']}: sentence not found verbatim (in order) in texts/{s['text']}.txt")
    else:
        pos[s['text']] = i + len(s['sentence'])
    if not s['id'].startswith(s['text'] + '-'):
        errors.append(f"{s['id']}: id does not start with text id")
    per_text[s['text']] += 1
    langs[s['lang']] += 1
for t in texts:
    if per_text[t] == 0:
        errors.append(f'text {t} has no sentences')

pairs = jl('pairs.jsonl')
pids = [p['id'] for p in pairs]
if len(set(pids)) != len(pids):
    errors.append('duplicate pair ids')
for p in pairs:
    if set(p) != {'id', 'a', 'b'}:
        errors.append(f"pair {p['id']}: unexpected keys {sorted(p)}")
all_sent_text = {s['sentence'] for s in sents}
a_from_text = sum(1 for p in pairs if p['a'] in all_sent_text)

qs = jl('evidence-queries.jsonl')
ps = jl('evidence-passages.jsonl')
cs = jl('evidence-candidates.jsonl')
qids = {q['id'] for q in qs}
pidset = {p['id'] for p in ps}
if len(qids) != len(qs): errors.append('duplicate query ids')
if len(pidset) != len(ps): errors.append('duplicate passage ids')
for p in ps:
    if set(p) != {'id', 'passage', 'source'}:
        errors.append(f"passage {p['id']}: unexpected keys")
    if p['source'] != 'extra' and p['source'] not in texts:
        errors.append(f"passage {p['id']}: unknown source {p['source']}")
    if p['source'] != 'extra' and p['passage'] not in texts[p['source']]:
        errors.append(f"passage {p['id']}: not found in its source text")
seen_q = set()
ncand = []
used = set()
for c in cs:
    if c['query'] not in qids: errors.append(f"candidates for unknown query {c['query']}")
    seen_q.add(c['query'])
    if len(set(c['candidates'])) != len(c['candidates']):
        errors.append(f"{c['query']}: duplicate candidate")
    for e in c['candidates']:
        if e not in pidset: errors.append(f"{c['query']}: unknown passage {e}")
        used.add(e)
    ncand.append(len(c['candidates']))
    if not 6 <= len(c['candidates']) <= 10:
        errors.append(f"{c['query']}: {len(c['candidates'])} candidates (want 6-10)")
for q in qids - seen_q:
    errors.append(f'query {q} has no candidate list')
unused = pidset - used

# no label-like fields anywhere
for name in ('sentences.jsonl', 'pairs.jsonl', 'evidence-queries.jsonl', 'evidence-passages.jsonl', 'evidence-candidates.jsonl'):
    raw = open(os.path.join(D, name), encoding='utf-8').read()
    if re.search(r'"(label|gold|relevance|same|grade)"\s*:', raw):
        errors.append(f'{name}: contains a label-like field')

print(f'texts: {len(texts)}')
for t in sorted(texts):
    print(f'  {t}: {per_text[t]} sentences, {len(texts[t].split(chr(10),1)[1].split())} words')
print(f'sentences: {len(sents)}  by language: {dict(langs)}')
print(f'pairs: {len(pairs)}  (a side verbatim from a text: {a_from_text})')
print(f'evidence: {len(qs)} claims, {len(ps)} passages '
      f"({sum(1 for p in ps if p['source']=='extra')} extra, {sum(1 for p in ps if p['source']!='extra')} from texts), "
      f'candidates per claim {min(ncand)}-{max(ncand)} (mean {sum(ncand)/len(ncand):.1f}), unused passages {len(unused)}')
if errors:
    print(f'{len(errors)} ERROR(S):')
    for e in errors: print('  ' + e)
    sys.exit(1)
print('OK')
