# A dict/str workload: tokenising, counting and formatting text.
WORDS = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho "
         "sigma tau upsilon phi chi psi omega").split()


def bench():
    text = " ".join(WORDS[(i * 7) % len(WORDS)] + str(i % 13) for i in range(60_000))
    counts = {}
    for token in text.split():
        key = token.upper()[:4]
        counts[key] = counts.get(key, 0) + 1
    lines = [f"{k}={v}" for k, v in sorted(counts.items())]
    index = {}
    for i, word in enumerate(text.split()):
        index.setdefault(word[0], []).append(i)
    return len("\n".join(lines)) + sum(len(v) for v in index.values())
