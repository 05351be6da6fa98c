UPDATE import_batches SET status = 'rolled_back', rolled_back_by = $user, rolled_back_at = current_timestamp WHERE id = $id;
