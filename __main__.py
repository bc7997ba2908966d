from respond.cli.main import main

main()
