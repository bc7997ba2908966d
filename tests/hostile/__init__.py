"""Issue 16's hostile-input and fault campaign (campaign.py) and its shared payloads."""
