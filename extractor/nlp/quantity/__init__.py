"""The parts of the ``coverage_quantities`` component (:mod:`extractor.nlp.quantities`)."""
