"""One element of every kind the query API has an accessor for (tests/test_typing.py)."""

import streamlit as st

st.title("T")
st.header("H")
st.subheader("S")
st.markdown("m")
st.caption("c")
st.text("t")
st.code("x = 1")
st.latex("x^2")
st.json({"a": 1})
st.divider()
st.metric("Temp", 70, 1)
st.error("e")
st.warning("w")
st.info("i")
st.success("s")
st.exception(ValueError("bad"))
st.toast("hello")
st.html("<b>bold</b>")
st.image("https://example.com/cat.png", caption="A cat")
st.progress(0.5, text="Halfway")
st.help(len)
st.dataframe({"a": [1, 2]})
st.table({"a": [1, 2]})
st.button("Go", key="go")
st.download_button("Get", b"data", key="dl")
st.link_button("Link", "https://example.com")
st.checkbox("C", key="c")
st.toggle("T", key="t")
st.radio("R", ["a", "b"], key="r")
st.selectbox("Sel", ["a", "b"], key="sel")
st.multiselect("M", ["a", "b"], key="m")
st.pills("P", ["a", "b"], key="p")
st.segmented_control("SC", ["a", "b"], key="sc")
st.slider("Sl", 0, 10, key="s")
st.select_slider("SS", ["a", "b"], key="ss")
st.text_input("TI", key="ti")
st.text_area("TA", key="ta")
st.number_input("N", key="n")
st.date_input("D", key="d")
st.time_input("Ti", key="tm")
st.color_picker("Col", key="col")
st.file_uploader("F", key="f")
st.camera_input("Cam", key="cam")
st.chat_input("Say", key="chat")
st.feedback("thumbs", key="fb")
st.data_editor({"a": [1, 2]}, key="de")
left, right = st.columns(2)
left.button("In left", key="left")
tab1, tab2 = st.tabs(["A", "B"])
with st.expander("Exp"):
    st.write("inside")
with st.status("Working"):
    st.write("step")
with st.form("f1"):
    st.text_input("In form", key="inform")
    st.form_submit_button("Submit")
with st.container():
    st.write("in container")
with st.popover("Pop"):
    st.write("in popover")


@st.dialog("Dlg")
def dlg():
    st.write("in dialog")


dlg()
