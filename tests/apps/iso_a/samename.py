VALUE = "helper of app a"
