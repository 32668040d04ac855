VALUE = "helper of app b"
