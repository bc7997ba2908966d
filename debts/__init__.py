"""All of one person's debts in one list (issue 14): the debts file, its rows, its documents."""
