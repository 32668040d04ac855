"""Imports C extensions for the first time inside a (frozen) run, then uses datetime.

Run by tests/test_clock.py in a fresh subprocess, so that "first time" is real.
"""

import datetime
import decimal
import importlib
import os
import zoneinfo

import streamlit as st

if os.environ.get("CLOCK_CEXT_IMPORTLIB"):
    pd = importlib.import_module("pandas")
else:
    import pandas as pd
import numpy as np

now = datetime.datetime.now()
paris = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Paris"))
stamp = pd.Timestamp(now)
st.write(f"now={now.isoformat()}")
st.write(f"paris={paris.isoformat()}")
st.write(f"stamp={stamp.isoformat()}")
st.write(f"index={pd.to_datetime([datetime.date(2020, 1, 2), now]).strftime('%Y-%m-%d').tolist()}")
st.write(f"np={np.datetime64(datetime.date.today(), 'D')}")
st.write(f"decimal={decimal.Decimal('1.10') + decimal.Decimal('2.205')}")
