role = "user"
if role != "user":  # check if admin
    print("You are an admin.")
