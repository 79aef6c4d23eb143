"""Altair chart builders: plain data in, an ``alt.Chart`` out; screens only display them.

Kept free of Streamlit so every chart can be tested through ``chart.to_dict()``.
"""
