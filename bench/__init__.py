"""newskit's benchmarks: quality on the development corpora, speed and memory.

Run each script as a module from the project root (the folder holding ``pyproject.toml``)::

    python -m bench.score_corpus                 # quality: aeb and dragnet, both renderers
    python -m bench.score_corpus ../shared/corpus/aeb --baselines
    python -m bench.bench_strip ../shared/corpus/aeb
    python -m bench.bench_list_show ../shared/corpus/aeb
    python -m bench.bench_parse ../shared/corpus/aeb [--newskit DIR]
    python -m bench.mem_ceiling ../shared/corpus/aeb
    python -m bench.make_dedupe_corpus ../shared/corpus/aeb/truth bench/out/dedupe
    python -m bench.bench_dedupe bench/out/dedupe
    python -m bench.bench_dask bench/out/dedupe/100000/dumps   # dedupe local against a LocalCluster (issue 14)
    python -m bench.line_records save|compare
    python -m bench.make_concat --seed 1 --files 50   # pages appended in one file (issue 11)
    python -m bench.score_split                       # how they are split into articles
    python -m bench.fit_weights [--no-fit]            # weights fitted by site folds; leave-sites-out figures
    python -m bench.language_sample                   # how much text the language detector reads

The modules:

- ``bench.corpus``: the one place that knows the corpus layout (``<corpus>/<renderer>/<id>.txt``
  and ``<corpus>/truth/<id>.json``): finding dumps, loading truth, decoding a dump with
  ``newskit.reader.decode``. Every script finds its input through it.
- ``bench.metrics``: the quality metrics (the article-extraction benchmark's shingle F1,
  title and date matches), shared by ``score_corpus`` and the quality gate in
  ``tests/test_quality_gate.py``.
- ``bench.benchutil``: the machine, the git revision, timed runs of ``newskit``, and
  :func:`~bench.benchutil.write_figures`.

**Figures as JSON.** Every script prints its prose output (Markdown tables) on stdout and
progress on stderr, and writes the same figures as one JSON object to
``bench/out/<script>.json`` (``bench/out/`` is not tracked by git); ``--json FILE`` writes
them to FILE instead. The object holds ``script``, ``command``, ``revision``, ``machine`` and
``date`` beside the figures, so a file says what made it.

**Another newskit.** ``bench_parse --newskit DIR`` measures the newskit package of another
checkout (for instance ``git worktree add /tmp/base COMMIT``): it runs itself again in a
subprocess with ``PYTHONPATH=DIR`` and ``python -P`` (the current folder is not put first
on the import path), so ``import newskit`` finds ``DIR/newskit``. That is the only place
where a script chooses which newskit it imports; everywhere else it is the installed one
(``pip install -e .``), which from the project root is this checkout's.
"""
