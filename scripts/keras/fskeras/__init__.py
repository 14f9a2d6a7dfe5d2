"""fitscope's Keras runner: the same setup as the TF.js engine, in Python Keras (see ../fitscope_keras.py)."""
