"""The classroom engine: content models, loading with line-precise errors, grading.

Nothing in this package imports Streamlit; screens call into it.
"""
