"""The cheat sheet's app: the elements its assertions read, in the order they read them."""

import datetime

import pandas as pd

import streamlit as st

# text elements
st.title("My app, the inventory")
st.header("New topic: stock")
st.subheader("Interesting sub-topic: shelves")
st.divider()
st.markdown("Hello, world! Here is the stock.")
st.code("import streamlit as st\nst.write('stock')")
st.caption("A cool diagram of the shelves")
st.text("Hello again, world!")
st.latex(r"\int a x^2 \,dx")
st.divider()

# input widgets
st.button("Recount")
st.checkbox("Show empty shelves")
st.color_picker("Label colour", "#FFFFFF")
st.date_input("Delivery day", datetime.date(2019, 7, 6))
st.multiselect("Tags", ["foo", "bar", "baz"], ["foo", "bar"])
st.number_input("Crates", value=5)
st.radio("Shelf", ["Top", "Middle", "Low", "Bar", "Foo"], index=3)
st.selectbox("Aisle", ["North", "South", "East", "Bar", "Foo"], index=3)
st.select_slider("Month", ["Jan", "Feb", "Mar", "Apr", "May", "Jun"], value="Feb")
st.slider("Rows", 0, 10, 2)
st.text_area("Notes", "Hello, world!")
st.text_input("Greeting", "Hello, world!")
st.time_input("Opening time", datetime.time(8, 45))
st.toggle("Debug mode")

# data elements
st.dataframe(pd.DataFrame([1, 2, 3]))
st.metric("Sales", 9500, 1000)
st.json(["hi", {"foo": "bar"}])
st.table(pd.DataFrame([1, 2, 3]))

# layouts and containers
st.sidebar.text_input("Your name")
left, right = st.columns(2)
left.write("Left column")
right.markdown("Hello, world!")
tab_a, tab_b, tab_c = st.tabs(["One", "Two", "Three"])
tab_a.write("first tab")
tab_b.write("second tab")
tab_c.markdown("Hello, yourself!")

# status elements
st.exception(TypeError("TypeError: crate count must be a number"))
st.success("Great job!")
st.info("Please enter an API key to continue")
st.warning("Sorry, the passwords didn't match")
st.error("Something went wrong :(")
st.toast("That was lit!", icon="🔥")
