"""A region filter over a sales table: the snapshot example of the README.

    apptest run examples/filter.py --select Region=North
"""

import pandas as pd
import streamlit as st

SALES = pd.DataFrame(
    {
        "region": ["North", "South", "North", "East", "West", "South"],
        "product": ["pens", "ink", "paper", "pens", "ink", "paper"],
        "units": [12, 5, 7, 3, 9, 4],
    }
)

st.title("Sales")
region = st.selectbox("Region", ["All", "North", "South", "East", "West"])
shown = SALES if region == "All" else SALES[SALES["region"] == region]
st.metric("Units", int(shown["units"].sum()))
st.dataframe(shown, hide_index=True)
