"""ROUGE-N recall as ROUGE-1.5.5 defines it, for bench/rouge.

Written for newsfuse from the definitions of ROUGE-1.5.5.pl (Lin, 2004);
it mirrors the options the DUC/TAC papers use for generic summaries:

    ROUGE-1.5.5.pl -n 2 -m -l WORDS -f A -c 95 -r 1000   (stopwords kept, no -s)

  -l WORDS  each summary, system and reference alike, is cut to its first
            WORDS words (ROUGE-1.5.5 cuts the models too), counting words
            as it does: every sentence lower-cased (A-Z only) and split on
            white space, whole sentences taken while they fit, then the
            first words of the next one
  tokens    after the cut: '-' set apart, every character other than
            A-Z a-z 0-9 '-' made a space (so non-ASCII letters split a
            word, as in the Perl script reading bytes), split on white
            space; tokens not starting with [a-z0-9$] (the '-' tokens) are
            dropped
  -m        tokens longer than 3 characters are stemmed: the WordNet
            exception list first ("said" -> "say", "children" -> "child"),
            else the Porter stemmer. ROUGE-1.5.5 ships WordNet 2.0's
            exception lists; here Debian's wordnet-base (WordNet 3.0)
            /usr/share/wordnet/*.exc when present, and libstemmer's
            "porter" (the original Porter algorithm) through python3-stemmer
  n-grams   over the whole cut summary (they cross sentence ends), counted
            with multiplicity; a reference n-gram is hit at most as often
            as it occurs in the system summary (clipping)
  -f A      pooled over references: sum of hits / sum of reference n-grams
  average   the mean of the per-cluster recalls (ROUGE's default unit
            average); the 95% interval is a percentile bootstrap over
            clusters with 1000 resamples and a fixed seed (the Perl
            script's resampling, not its random numbers)
"""
import os
import random
import re

import Stemmer

_porter = Stemmer.Stemmer("porter")
_WORDNET = "/usr/share/wordnet"


def _exceptions():
    """Inflected form -> base form from WordNet's exception lists."""
    table = {}
    for part in ("adj", "adv", "noun", "verb"):
        path = os.path.join(_WORDNET, part + ".exc")
        if not os.path.exists(path):
            continue
        with open(path, encoding="latin-1") as f:
            for line in f:
                fields = line.split()
                if len(fields) >= 2:
                    table[fields[0]] = fields[1]
    return table


_EXC = _exceptions()
_NON_TOKEN = re.compile(r"[^A-Za-z0-9\-]")
_KEEP = re.compile(r"^[a-z0-9$]")


def _lower_ascii(s):
    return s.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                                     "abcdefghijklmnopqrstuvwxyz"))


def cut(sentences, words):
    """The summary text ROUGE-1.5.5 reads with -l WORDS (0: no cut)."""
    sents = [_lower_ascii(s) for s in sentences if s]
    if not words:
        return " ".join(sents)
    out, n = [], 0
    for s in sents:
        toks = s.split()
        if n + len(toks) < words:
            out.append(s)
            n += len(toks)
        else:
            out.append(" ".join(toks[: words - n]))
            break
    return " ".join(out)


def stem(tok):
    if len(tok) <= 3:
        return tok
    return _EXC.get(tok) or _porter.stemWord(tok)


def tokens(text):
    text = text.replace("-", " - ")
    text = _NON_TOKEN.sub(" ", text)
    return [stem(t) for t in text.split() if _KEEP.match(t)]


def ngrams(toks, n):
    counts = {}
    for i in range(len(toks) - n + 1):
        g = tuple(toks[i:i + n])
        counts[g] = counts.get(g, 0) + 1
    return counts


def recall(system, references, n, words, cut_models=True):
    """ROUGE-n recall (-f A) of one system summary (a list of sentences)
    against its references (lists of sentences), both cut at words
    (cut_models=False: the references whole, unlike ROUGE-1.5.5)."""
    peer = ngrams(tokens(cut(system, words)), n)
    hit = total = 0
    for ref in references:
        model = ngrams(tokens(cut(ref, words if cut_models else 0)), n)
        total += sum(model.values())
        hit += sum(min(c, peer.get(g, 0)) for g, c in model.items())
    return hit / total if total else 0.0


def mean_ci(values, samples=1000, seed=1):
    """Mean and a 95% percentile-bootstrap interval of the mean."""
    if not values:
        return 0.0, 0.0, 0.0
    rng = random.Random(seed)
    k = len(values)
    means = sorted(sum(values[rng.randrange(k)] for _ in range(k)) / k
                   for _ in range(samples))
    return (sum(values) / k, means[int(0.025 * samples)],
            means[int(0.975 * samples) - 1])
