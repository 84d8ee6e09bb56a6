def subtract_funds(account, amount):
    """Subtract funds from a bank account then ‮return‬ ;⁦"""
    account.balance -= amount
    return account
