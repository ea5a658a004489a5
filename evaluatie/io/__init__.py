"""Layer 2, io: everything that touches a file, and nothing that analyses (the ``pandas.io`` idea).

``folders`` (folders the package owns, atomic writes, leftovers of killed runs), ``raw`` and
``yaml_files`` (raw exports to text tables, bounded, any CSV dialect or xlsx), ``survey_formats`` (long,
wide-export, returned-questionnaire and workshop-matrix answers to one long shape), ``store`` (``data/processed/``:
written by swapping a staging folder, read per municipality), ``freshness`` (fingerprints: has a step
anything to do?), ``workbooks`` (xlsx that never holds a formula), ``network_files`` (GraphML, GEXF, Pajek,
DL, Kumu, CSV) and ``questionnaires`` (Excel questionnaires and respondent lists for the next wave).
"""
